"""Publishing gates: prove a built site is valid, linked, accessible and small.

`invoke check` builds the site with publishconf.py into a fresh folder and
runs every gate on it (see runner.py); tests call `runner.run_gates` on
small hand-made output trees to prove each gate can fail.
"""
