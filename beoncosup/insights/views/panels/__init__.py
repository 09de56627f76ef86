"""The panels of the insights pages: each a chart beside its table, built from published cells
(and, for analysts, supply). The analysts' pages and the public page share them; ``public``
makes them read rounded counts."""
