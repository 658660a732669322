"""Table access behind one small interface, chosen from ctx.provider.

    store = store_for(ctx)
    store.get(table, id) -> dict | None     store.put(table, item)
    store.delete(table, id)                 store.scan(table) -> list[dict]

Items are keyed by their ``id`` (the table's partition key). Cloud SDKs are imported inside the
backend that needs them; ``provider == "local"`` keeps tables in memory (tests, ``strato invoke
--local``). ``table`` is the real name (``${ref:users.name}``): a DynamoDB table, a Cosmos DB
container (account and database from the STRATO_COSMOS_ENDPOINT and STRATO_COSMOS_DATABASE app
settings that strato's Azure template sets, docs/AZURE.md) or a
Firestore collection.
"""

import copy
import os


class _Aws:
    def __init__(self):
        import boto3

        self._db = boto3.resource("dynamodb")

    def get(self, table, id):
        return self._db.Table(table).get_item(Key={"id": id}).get("Item")

    def put(self, table, item):
        self._db.Table(table).put_item(Item=item)

    def delete(self, table, id):
        self._db.Table(table).delete_item(Key={"id": id})

    def scan(self, table):
        items, kwargs = [], {}
        while True:
            page = self._db.Table(table).scan(**kwargs)
            items.extend(page.get("Items", []))
            if "LastEvaluatedKey" not in page:
                return items
            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def _strip(item):
    # Cosmos DB adds system properties (_rid, _etag, _ts, ...) to every item.
    return {k: v for k, v in item.items() if not k.startswith("_")}


class _Azure:
    def __init__(self):
        from azure.cosmos import CosmosClient
        from azure.cosmos.exceptions import CosmosResourceNotFoundError
        from azure.identity import DefaultAzureCredential

        client = CosmosClient(os.environ["STRATO_COSMOS_ENDPOINT"], credential=DefaultAzureCredential())
        self._db = client.get_database_client(os.environ["STRATO_COSMOS_DATABASE"])
        self._not_found = CosmosResourceNotFoundError

    def get(self, table, id):
        try:
            return _strip(self._db.get_container_client(table).read_item(item=id, partition_key=id))
        except self._not_found:
            return None

    def put(self, table, item):
        self._db.get_container_client(table).upsert_item(item)

    def delete(self, table, id):
        try:
            self._db.get_container_client(table).delete_item(item=id, partition_key=id)
        except self._not_found:
            pass

    def scan(self, table):
        return [_strip(item) for item in self._db.get_container_client(table).read_all_items()]


class _Gcp:
    def __init__(self):
        from google.cloud import firestore

        self._firestore = firestore
        self._clients = {}

    def _db(self, table):
        # strato's GCP generator makes one Firestore database per table, named like the table
        if table not in self._clients:
            self._clients[table] = self._firestore.Client(database=table)
        return self._clients[table]

    def get(self, table, id):
        snap = self._db(table).collection(table).document(id).get()
        return snap.to_dict() if snap.exists else None

    def put(self, table, item):
        self._db(table).collection(table).document(item["id"]).set(item)

    def delete(self, table, id):
        self._db(table).collection(table).document(id).delete()

    def scan(self, table):
        return [doc.to_dict() for doc in self._db(table).collection(table).stream()]


# Tables of the local backend: {table: {id: item}}.
local_tables = {}


def reset_local():
    local_tables.clear()


class _Local:
    def get(self, table, id):
        return copy.deepcopy(local_tables.get(table, {}).get(id))

    def put(self, table, item):
        local_tables.setdefault(table, {})[item["id"]] = copy.deepcopy(item)

    def delete(self, table, id):
        local_tables.get(table, {}).pop(id, None)

    def scan(self, table):
        return [copy.deepcopy(item) for item in local_tables.get(table, {}).values()]


_FACTORIES = {"aws": _Aws, "azure": _Azure, "gcp": _Gcp, "local": _Local}
_backends = {}


def provider_of(ctx):
    """ctx.provider, whether ctx is an object or a dict."""
    return ctx.get("provider") if isinstance(ctx, dict) else getattr(ctx, "provider", None)


def store_for(ctx):
    provider = provider_of(ctx)
    if provider not in _FACTORIES:
        raise ValueError(f"no storage backend for provider {provider!r}")
    if provider not in _backends:
        _backends[provider] = _FACTORIES[provider]()
    return _backends[provider]
