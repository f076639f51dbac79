/// Every name tab completion may offer, gathered from the engine (fields,
/// functions, datasets, unit and leader names in the loaded data), the
/// session (`let` names, parameters) and the host (dot-commands).
public struct CompletionVocabulary: Sendable, Hashable {
    /// Language keywords (`and`, `by`, `desc` …).
    public var keywords: [String]
    /// Stage names offered after `|` (`where`, `count` …).
    public var stages: [String]
    /// Field names, English and Chinese aliases (`lead_units`, `牵头单位`).
    public var fields: [String]
    /// Scalar and aggregate function names.
    public var functions: [String]
    /// Names a pipeline can start from: `tasks`, datasets, `let` names.
    public var sources: [String]
    /// Loaded datasets (what `trace` reads).
    public var datasets: [String]
    /// `$name` parameters known to the session (without `$`).
    public var parameters: [String]
    /// Unit names (as printed and canonical) present in the loaded data.
    public var units: [String]
    /// Leader names present in the loaded data.
    public var leaders: [String]
    /// Host commands offered at the start of a line (`.help`, `.mode` …).
    public var dotCommands: [String]
    /// The values of short text fields by English field name (`city` →
    /// `海门`, `宜兴` …), offered inside a string compared with the field.
    public var fieldValues: [String: [String]]
    /// What each dot-command takes after it, by command (`.mode` → the
    /// output modes; see ``DotCommandArgument``).
    public var dotCommandArguments: [String: DotCommandArgument]

    /// Creates a vocabulary; every list defaults to empty.
    public init(
        keywords: [String] = [], stages: [String] = [], fields: [String] = [], functions: [String] = [],
        sources: [String] = [], datasets: [String] = [], parameters: [String] = [], units: [String] = [],
        leaders: [String] = [], dotCommands: [String] = [], fieldValues: [String: [String]] = [:],
        dotCommandArguments: [String: DotCommandArgument] = [:]
    ) {
        self.fieldValues = fieldValues
        self.dotCommandArguments = dotCommandArguments
        self.keywords = keywords
        self.stages = stages
        self.fields = fields
        self.functions = functions
        self.sources = sources
        self.datasets = datasets
        self.parameters = parameters
        self.units = units
        self.leaders = leaders
        self.dotCommands = dotCommands
    }
}

/// What a dot-command's argument is, for completion.
public enum DotCommandArgument: Sendable, Hashable {
    /// One of these words (`.mode` → `table`, `csv` …; `.timer` → `on`, `off`).
    case words([String])
    /// A file or directory name (`.load`, `.read`, `.output`, `.once`).
    case fileName
}
