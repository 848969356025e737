/// The `| call_outcome TABLE` stage: a list of API calls with an outcome each, as GuardDuty's anomaly
/// findings write it (`additionalInfo.anomalies.anomalousAPIs`), reduced to one outcome.
///
/// The text is one or more groups `service:[API:outcome , API:outcome]` joined by `,`, e.g.
/// `iam.amazonaws.com:[ListRoles:AccessDenied , GetUser:success] , sts.amazonaws.com:[GetCallerIdentity:success]`;
/// a bare `API:outcome , API:outcome` list (no service groups) reads the same. Each call's outcome is
/// the text after its last `:` (`success`, or the error code that refused or failed the call).
///
/// Each outcome other than `success` is read through the lookup TABLE first, which names its class
/// (`AccessDenied` and `UnauthorizedOperation` are both a `denied`); a miss keeps the outcome itself.
/// Which codes are denials is the table's knowledge, not this stage's. The summary says what a
/// detection engineer asks of the calls taken together:
/// - `success` when any call succeeded (the activity happened, whatever else was refused);
/// - the class itself when every call's outcome has the same one (every call denied, whatever the codes);
/// - `mixed` when the calls failed in different classes.
/// A table then maps the summary to an action with a lookup. Nil when no entry has an outcome (a
/// plain list of API names).
enum CallOutcomeSummary {
    /// The outcome of every call in `text`, in order; empty when none has one.
    static func outcomes(in text: String) -> [Substring] {
        KeyValueEntries.entries(in: text).map(\.value)
    }

    /// `success`, the one class every call's outcome has (`classify` names an outcome's class), or
    /// `mixed`; nil when the text states no outcome.
    static func summary(of text: String, classify: (Substring) -> String) -> String? {
        let outcomes = outcomes(in: text)
        guard !outcomes.isEmpty else { return nil }
        if outcomes.contains(where: { $0.lowercased() == "success" }) { return "success" }
        let first = classify(outcomes[0])
        return outcomes.dropFirst().allSatisfy { classify($0) == first } ? first : "mixed"
    }
}
