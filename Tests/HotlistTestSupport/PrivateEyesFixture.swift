import Foundation

/// A small data set in the shape of The News & Observer's files, written to a temporary folder.
/// Agencies: 1 Sparks NV PD (forbids immigration enforcement, alerts on NCIC), 2 Reno NV PD (NCIC, no
/// policy), 3 Atherton CA PD (California SVS only, forbids immigration enforcement), 4 Blue Island IL PD
/// (no portal), 5 Flock Safety - Admins (vendor account, unresolved), 6 Abington Township PA PD.
/// Sharing: Sparks shares with Reno and Blue Island; Atherton shares with Sparks; Reno shares with Sparks.
public enum PrivateEyesFixture {
    public static let files: [String: String] = [
        "agency20240426.csv": """
        id,name,notes
        1,Sparks NV PD,NA
        2,Reno NV PD,NA
        3,Atherton CA PD,NA
        4,Blue Island IL PD,added from ex org check
        5,Flock Safety - Admins,NA
        6,Abington Township PA PD,NA

        """,
        "agency_access20240426.csv": """
        src_agency,external_agency,src_agency_id,external_agency_id
        Sparks NV PD,Reno NV PD,1,2
        Sparks NV PD,Blue Island IL PD,1,4
        Atherton CA PD,Sparks NV PD,3,1
        Reno NV PD,Sparks NV PD,2,1

        """,
        "latest_usage04262023.csv": """
        id,agency,updated,accessed,url,data_retention_in_days,number_of_owned_cameras,external_organizations_with_access,hotlists_alerted_on,vehicles_detected_in_the_last_30_days,hotlist_hits_in_the_last_30_days,searches_in_the_last_30_days,public_search_audit
        1,Sparks NV PD,2024-04-26T14:11:25Z,2024-04-26T17:25:31Z,https://transparency.flocksafety.com/sparks-nv-pd,30 days,41,"Reno NV PD, Blue Island IL PD","NCIC, NCMEC Amber Alert",900000,1200,300,0
        2,Reno NV PD,2024-04-25T10:00:00Z,2024-04-26T17:25:40Z,https://transparency.flocksafety.com/reno-nv-pd,-Infinity days,NA,Sparks NV PD,"National Crime Information Center (NCIC) which includes vehicles wanted for crimes, missing and wanted persons",NA,Data Unavailable,NA,0
        3,Atherton CA PD,2024-04-20T09:00:00Z,2024-04-26T17:26:00Z,https://transparency.flocksafety.com/atherton-ca-pd,30 days,12,Sparks NV PD,"California SVS, NCMEC Amber Alert",50000,30,10,1

        """,
        "agency_policies.csv": """
        id,agency,updated,accessed,url,hash,whats_detected,whats_not_detected,acceptable_use_policy,prohibited_uses,access_policy,hotlist_policy
        1,Sparks NV PD,2023-07-27T12:04:07Z,2023-07-28T00:56:00Z,https://transparency.flocksafety.com/sparks-nv-pd,aaa1,"License Plates, Vehicles","Facial recognition, People",Law enforcement only.,"Immigration enforcement, traffic enforcement, harassment or intimidation, usage based solely on a protected class (i.e. race, sex, religion), Personal use.",All access requires a reason.,Hits are human verified.
        3,Atherton CA PD,2023-07-27T12:01:41Z,2023-07-28T00:56:02Z,https://transparency.flocksafety.com/atherton-ca-pd,bbb2,"License Plates, Vehicles","Facial recognition",Law enforcement only.,"Civil immigration enforcement; automated traffic infraction ticketing; personal use",All access requires a reason.,Hits are human verified.
        2,Reno NV PD,2023-07-27T12:02:00Z,2023-07-28T00:56:03Z,https://transparency.flocksafety.com/reno-nv-pd,ccc3,"License Plates","Facial recognition",Law enforcement only.,"Traffic enforcement, harassment or intimidation",All access requires a reason.,Hits are human verified.

        """,
        "nc_agency_survey20240430.csv": "id,name,type,city,county,notes,company,cams_confirmed,cams_portal,flock_portal_url,document_url\r\n6,Abington Township PA PD,PD,Abington,Montgomery,test row,Flock,Unknown,NA,NA,\r\n",
        "transparency_url_status20240429.csv": """
        agency_id,url_attempted,last_attempt_date,status_code,notes
        1,https://transparency.flocksafety.com/sparks-nv-pd,NA,200,NA
        4,https://transparency.flocksafety.com/blue-island-il-pd,NA,404,NA

        """,
    ]

    /// Writes the fixture, with `overrides` replacing or (when nil) removing files.
    public static func write(overrides: [String: String?] = [:]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pe-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var contents = files
        for (name, value) in overrides { contents[name] = value }
        for (name, text) in contents {
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
        }
        return directory
    }
}
