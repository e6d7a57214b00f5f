"""One module per ``geomap`` subcommand; each exposes ``register(subparsers, formatter)``."""
