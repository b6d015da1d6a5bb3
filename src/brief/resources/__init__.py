"""Files shipped inside the package: the `brief init` workspace and default templates."""
