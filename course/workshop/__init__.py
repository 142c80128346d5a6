"""Where learners work: ``course lab``, JupyterLab on the course on one machine."""
