"""Redis-backed dedupe stores, for crawler processes on several machines (``REDIS_URL``).

Same interface as ``pipelines.store``: paragraph signature → set of clusters per site, and
MinHash signatures with their LSH band keys.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np


def _client(url: str):
    import redis

    return redis.Redis.from_url(url)


class RedisParagraphStore:
    def __init__(self, url: str, prefix: str = "newsindex"):
        self.redis, self.prefix = _client(url), prefix

    def _key(self, site: str, sig: str) -> str:
        return f"{self.prefix}:para:{site}:{sig}"

    def record(self, site: str, cluster: str, signatures: Iterable[str], commit: bool = True) -> None:
        pipe = self.redis.pipeline()
        for sig in set(signatures):
            pipe.sadd(self._key(site, sig), cluster)
        pipe.execute()

    def counts(self, site: str, signatures: Iterable[str]) -> dict[str, int]:
        sigs = list(set(signatures))
        pipe = self.redis.pipeline()
        for sig in sigs:
            pipe.scard(self._key(site, sig))
        return {sig: n for sig, n in zip(sigs, pipe.execute(), strict=True) if n}

    def commit(self) -> None:
        """Writes are applied as they happen."""

    def close(self) -> None:
        self.redis.close()


class RedisSignatureStore:
    def __init__(self, url: str, prefix: str = "newsindex"):
        self.redis, self.prefix = _client(url), prefix

    def candidates(self, bands: list[bytes]) -> set[str]:
        pipe = self.redis.pipeline()
        for index, key in enumerate(bands):
            pipe.smembers(f"{self.prefix}:band:{index}:{key.hex()}")
        return {member.decode() for members in pipe.execute() for member in members}

    def get(self, doc_id: str) -> tuple[str, np.ndarray] | None:
        cluster, sig = self.redis.hmget(f"{self.prefix}:minhash:{doc_id}", "cluster", "sig")
        return (cluster.decode(), np.frombuffer(sig, dtype=np.uint64)) if sig else None

    def put(self, doc_id: str, cluster: str, signature: np.ndarray, bands: list[bytes], commit: bool = True) -> None:
        pipe = self.redis.pipeline()
        pipe.hset(f"{self.prefix}:minhash:{doc_id}",
                  mapping={"cluster": cluster, "sig": signature.astype(np.uint64).tobytes()})
        for index, key in enumerate(bands):
            pipe.sadd(f"{self.prefix}:band:{index}:{key.hex()}", doc_id)
        pipe.execute()

    def set_cluster(self, doc_id: str, cluster: str) -> None:
        self.redis.hset(f"{self.prefix}:minhash:{doc_id}", "cluster", cluster)

    def commit(self) -> None:
        """Writes are applied as they happen."""

    def close(self) -> None:
        self.redis.close()
