def main(e,c): pass
