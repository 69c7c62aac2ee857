"""The site tooling: the engine adapter, staged builds, the preview server and the link check."""
