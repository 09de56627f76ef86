"""The training app's services, one module per area: import the module, e.g.
``from beoncosup.training.services import registration``."""
