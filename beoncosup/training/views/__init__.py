"""The training app's views, one module per area: import the module, e.g.
``from beoncosup.training.views import registration``."""
