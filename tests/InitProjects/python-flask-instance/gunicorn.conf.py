import os

# The platform gives the port in APP_PORT; 5050 on a developer's machine.
bind = "0.0.0.0:" + os.environ.get("APP_PORT", "5050")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
accesslog = "-"
