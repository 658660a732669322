def main(event, ctx):
    return None
