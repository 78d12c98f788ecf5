"""Export formats: one module per format, listed in `registry` (see there to add one).

Kept empty so that importing the registry (which the CLI does to offer its choices) costs
nothing: each format module is imported only when it is used.
"""
