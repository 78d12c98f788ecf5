"""Why a command that takes a file and never a stream refuses `-` (standard input or output for
every other file of the workbench): said in these words by the service, for a library caller,
and by the CLI's option, as bad usage (exit 2: docs/errors.md, "A file's name"). Import-free."""

# `-` is standard output for every `-o`; a copy is written in place and checked there (a file
# named `-` was written, and `backup - | gzip` got nothing: review265). So on PostgreSQL too:
# pg_dump's `--file=-` writes a file named `-` as well (rr271).
BACKUP = (
    "backup writes a file, not standard output: give the copy's file name "
    "(workbench backup desk-copy.db)"
)
# A bundle is a ZIP, read in passes (its manifest, then each table): not a stream. "no such
# file: -" had the user look for a file named `-` (trial252).
BUNDLE = (
    "import bundle reads a file, not standard input: save the bundle to a file and give its name"
)
# An archived file is kept with its name, size and media type: a stream has none of them.
EVIDENCE = "evidence files are read from a file, not from standard input"
# The format is the name's suffix, which standard input has not: "(got no suffix)" sent a user
# who piped the file to rename one they never named (trial252).
CLAIMS = (
    "import claims reads a file, not standard input: save it to a file named for its format "
    "(.csv, .tsv, .json or .jsonl) and give its name"
)
