"""The domain: rules and facts, no storage, no CLI."""

from workbench.domain import native

# Claim discovery's compiled modules, where a build made them from these sources (see `native`).
native.install()
