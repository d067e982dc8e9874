"""Subcommands of ``ark-conformance``: one module each, discovered by ``conformance.cli``."""
