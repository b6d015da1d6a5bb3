"""`python -m brief` and the `brief` command.

Ctrl-C is set up before `brief.cli` (typer, rich) is imported, so an early
Ctrl-C is one line too, not an import traceback.
"""

from brief import interrupt


def run() -> None:
    interrupt.install()
    try:
        from brief.cli import main

        main()
    except KeyboardInterrupt:
        interrupt.exit_interrupted()


if __name__ == "__main__":
    run()
