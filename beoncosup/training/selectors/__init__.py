"""The training app's selectors, one module per area: import the module, e.g.
``from beoncosup.training.selectors import registration``."""
