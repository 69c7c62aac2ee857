"""Writers' commands beside the pipeline: skeletons (`new`) and JSON Schemas."""
