"""Where learners work: ``course lab`` (JupyterLab on one machine) and ``course hub`` (a JupyterHub for a room)."""
