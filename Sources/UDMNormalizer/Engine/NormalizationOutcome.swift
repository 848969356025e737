/// What became of one input record. Every record ends in exactly one of these, so
/// read = normalized + failed + skipped always holds.
public enum NormalizationOutcome: Sendable {
    /// The record became a UDM event.
    case normalized(UDMEvent)
    /// The record could not become UDM; the failure says what kind of damage and where.
    case failed(NormalizationFailure)
    /// The record is deliberately not an event (a control message, another detail-type); `reason`
    /// says which, as a ``SkipReason/kind`` to react to and a sentence to print.
    case skipped(reason: SkipReason)
}
