"""Takes longer to import than python.startup-timeout allows."""
import time

time.sleep(120)
