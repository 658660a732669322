def main(event, ctx):
    return {"status": 200}
