"""The pipeline's stages: discover and load the YAML, validate it into models,
resolve references, write pages."""
