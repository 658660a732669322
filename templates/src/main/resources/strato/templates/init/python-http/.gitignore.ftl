__pycache__/
*.pyc
.venv/
