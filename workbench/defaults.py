"""Defaults and bounds shared by the CLI's options and the library's signatures.

Imports nothing, so `workbench --help` can read it without loading the library: a default
shown by `--help` is the default the service applies, because both read it from here.
"""

# The largest integer both backends store (PostgreSQL's INTEGER): every id, count, offset and
# span offset a caller gives is checked against it, so that one past it is a clear refusal on
# both backends, not an OverflowError (SQLite) or "integer out of range" (PostgreSQL).
INT_MAX = 2**31 - 1

# Check-worthiness (extract) and similarity (claim similar) scores are fractions of 1.
SCORE_MIN = 0.0
SCORE_MAX = 1.0
EXTRACT_MIN_SCORE = 0.5
# Chosen on the dev pairs of tests/data/similar/pairs.yaml (bench/similar_quality.py): every
# unrelated claim there scores below 0.5, every reworded claim but one (0.48) above it.
SIMILAR_MIN_SCORE = 0.5
SIMILAR_LIMIT = 10
# How many claims each short list of the desk board (demo, stats) shows unless asked for more.
BOARD_LIMIT = 10
# How many claims a `claim list` table shows unless --limit says otherwise: a screenful or two
# to read. --json and --csv, for scripts and spreadsheets, list every match (trial68: a
# 100,000-claim desk's `claim list` laid every row out in one table, held in memory first).
CLAIM_TABLE_LIMIT = 50

# Size limits in megabytes, raised per installation through the environment.
MAX_DOCUMENT_MB = 20.0
MAX_DOCUMENT_MB_ENV = "WORKBENCH_MAX_DOCUMENT_MB"
MAX_EVIDENCE_MB = 50.0
MAX_EVIDENCE_MB_ENV = "WORKBENCH_MAX_EVIDENCE_MB"

# `doc add FILE...`: at most this many inputs in one command, and at most this many times the
# document size limit in all. Every input is held in memory until the one transaction that
# stores them all: a glob of 100,000 files is refused before any is read, and inputs that come
# to more than the total as soon as they do, not when memory runs out. A folder larger than
# that goes in several commands.
MAX_ADD_INPUTS = 1000
MAX_ADD_TOTAL_TIMES = 10
