/// What an evaluation does with a data file that fails validation (SPEC 3.2 and 6).
///
/// The loader never half-ingests a file: a file with a bad row is left out whole. The policy
/// decides whether the run goes on without it.
public enum RejectedFilePolicy: Sendable, Hashable {
    /// Fail the run, listing every rejected file (`fokus evaluate`).
    case fail
    /// Evaluate without the rejected files and list them as warnings (`fokus evaluate --keep-going`).
    case warn
    /// Evaluate without them and hand them back in ``PipelineResult/rejected`` for the caller to
    /// quarantine (the daemon); the report lists them among its warnings.
    case quarantine
}
