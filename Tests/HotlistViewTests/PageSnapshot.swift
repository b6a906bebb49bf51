import Foundation
@testable import HotlistWeb
import SnapshotTesting
import Testing

/// Compares a rendered page with its recorded snapshot (`__Snapshots__/<test file>/<test>.<name>.txt`).
///
/// A missing snapshot is a failure, never a silent pass: under CI nothing is written (`.never`);
/// on a developer's machine the library's default applies (`.missing`: it writes the new file and
/// still fails, so the next run compares). To re-record on purpose: `SNAPSHOT_TESTING_RECORD=all`.
func assertPage(_ page: SafeHTML, named name: String,
                fileID: StaticString = #fileID, file: StaticString = #filePath, testName: String = #function,
                line: UInt = #line, column: UInt = #column) {
    let underCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
    assertSnapshot(of: page.markup, as: .lines, named: name, record: underCI ? .never : nil,
                   fileID: fileID, file: file, testName: testName, line: line, column: column)
}
