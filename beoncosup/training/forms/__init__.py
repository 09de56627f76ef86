"""The training app's forms, one module per area: import the module, e.g.
``from beoncosup.training.forms import registration``."""
