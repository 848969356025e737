extension HelpText {
    static let rules = CommandHelp(
        name: "rules", summary: "run YARA-L detection rules over normalized events: detections and readiness",
        usage: ["rules --rules PATH [OPTIONS] [PATH ...]", "rules --rules PATH --udm [OPTIONS] FILE ..."],
        description: """
            Runs Google SecOps YARA-L 2.0 rules (.yaral files; folders are read recursively) over the
            events the tables make of PATH (the same inputs as 'normalize', with --profile and --mappings),
            or over UDM events with --udm. Every construct the rules in Tests/Rules/chronicle use runs:
            events: predicates (repeated fields match if any element does, for != too; an absent field
            reads as "" / 0; labels["k"], additional.fields["k"]; nocase; RE2 regular expressions, re.*,
            strings.*, net.ip_in_range_cidr, timestamp.*; reference lists, with their regex and cidr
            forms), placeholders and joins, match: ... over D, condition: with counts, placeholder counts
            and outcome variables, outcome: aggregates (count, count_distinct, array, array_distinct, sum,
            max, min), if() and arithmetic, entity-graph variables from --context. Anything else is a
            parse error naming the construct at FILE:LINE:COLUMN (exit 1).
            Each event without metadata.id gets a synthetic one (a hash of its origin).

            WINDOWS
              A rule with match: fires for every set of events joined on the match variables whose
              times lie within D of each other: each window starts at an event's time, whatever the
              input order. Google SecOps aligns its own hop windows and may fire fewer detections at
              their edges; a detection here that Google would miss lies across such an edge. Windows
              more than twice the window older than the latest event are evaluated as the run goes
              and their events dropped; an event later than that is counted as late.

            OUTPUT
              Per rule: its detections (match values, window, outcomes and the origins of the first 20
              events, which 'explain' takes) and its readiness. A rule 'cannot fire' when a field its
              events: section needs is written by no table rule (the nearest table rule is named); a
              field read only negated (!=, not), an ingestion or enrichment field (metadata.id,
              *.ip_geo_artifact, metadata.ingested_timestamp, entity-graph fields) or a field read
              only in outcome: never makes it so. Then the readiness table: every field read, its role,
              its fill rate per log type over the events given, and the table rules writing it.
              Detections do not change the exit code; --expect and --min-ready do.
            """,
        options: RulesOptions.options)
}
