"""explainer: turn YAML summaries of news articles into an explainer website.

The pipeline, one module per stage: load -> validate -> resolve -> render -> write.
`generator.pipeline` chains them.
"""

__version__ = "0.1.0"
