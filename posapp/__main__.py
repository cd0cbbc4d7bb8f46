"""Run posapp: ``python -m posapp``."""

from posapp.app import run

if __name__ == "__main__":
    run()
