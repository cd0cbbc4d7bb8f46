"""Entry script of the PyInstaller bundle."""

from posapp.app import run

if __name__ == "__main__":
    run()
