"""The jobs pages, one module per audience: the public (public.py), employers (employers.py)
and editors (editors.py); each lists its own paths."""
