"""Object storage behind one small interface, chosen from ctx.provider.

    store = store_for(ctx)
    data = store.read(bucket, key)
    store.write(bucket, key, data, content_type)

Cloud SDKs are imported inside the backend that needs them, so a package never loads another
cloud's SDK. ``provider == "local"`` keeps objects in memory (tests, ``strato invoke --local``).
Bucket names are the real names (the event's ``bucket``, or ``${ref:X.name}`` in the environment).
On Azure the containers live in the service's data storage account, whose blob endpoint strato's
Azure template puts in the STRATO_STORAGE_BLOB_ENDPOINT app setting (docs/AZURE.md).
"""

import os


class _Aws:
    def __init__(self):
        import boto3

        self._s3 = boto3.client("s3")

    def read(self, bucket, key):
        return self._s3.get_object(Bucket=bucket, Key=key)["Body"].read()

    def write(self, bucket, key, data, content_type):
        self._s3.put_object(Bucket=bucket, Key=key, Body=data, ContentType=content_type)


class _Azure:
    def __init__(self):
        from azure.identity import DefaultAzureCredential
        from azure.storage.blob import BlobServiceClient, ContentSettings

        account_url = os.environ["STRATO_STORAGE_BLOB_ENDPOINT"]
        self._service = BlobServiceClient(account_url, credential=DefaultAzureCredential())
        self._content_settings = ContentSettings

    def read(self, bucket, key):
        return self._service.get_blob_client(bucket, key).download_blob().readall()

    def write(self, bucket, key, data, content_type):
        self._service.get_blob_client(bucket, key).upload_blob(
            data, overwrite=True, content_settings=self._content_settings(content_type=content_type)
        )


class _Gcp:
    def __init__(self):
        from google.cloud import storage

        self._client = storage.Client()

    def read(self, bucket, key):
        return self._client.bucket(bucket).blob(key).download_as_bytes()

    def write(self, bucket, key, data, content_type):
        self._client.bucket(bucket).blob(key).upload_from_string(data, content_type=content_type)


# In-memory objects of the local backend: {bucket: {key: (bytes, content_type)}}.
local_objects = {}


def reset_local():
    local_objects.clear()


class _Local:
    def read(self, bucket, key):
        try:
            return local_objects[bucket][key][0]
        except KeyError:
            raise FileNotFoundError(f"{bucket}/{key}") from None

    def write(self, bucket, key, data, content_type):
        local_objects.setdefault(bucket, {})[key] = (bytes(data), content_type)


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
