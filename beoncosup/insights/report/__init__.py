"""The quarterly report "Needs in supportive cancer care": Wagtail pages whose figures are a
frozen snapshot of the public cubes (docs/insights.md)."""
