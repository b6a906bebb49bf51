import Foundation

/// The broad type of a law-enforcement agency, as far as its name tells.
public enum AgencyKind: String, Codable, CaseIterable, Sendable {
    case policeDepartment = "police_department"
    case sheriffsOffice = "sheriffs_office"
    case university
    case taskForce = "task_force"
    case statePolice = "state_police"
    case other

    /// Human label for the UI.
    public var label: String {
        switch self {
        case .policeDepartment: "Police department"
        case .sheriffsOffice: "Sheriff's office"
        case .university: "University"
        case .taskForce: "Task force"
        case .statePolice: "State police / highway patrol"
        case .other: "Other"
        }
    }
}
