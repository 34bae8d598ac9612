def welcome(name: str) -> str:
    return f"welcome from {name}"
