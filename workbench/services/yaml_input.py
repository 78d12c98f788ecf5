"""YAML as the workbench reads a person's file (seed files): plain data, each key once, and
a date left as the text it was written as.

PyYAML's safe loader keeps the last of a repeated key and says nothing, and turns an unquoted
`published: 2025-10-01` into a date object, which the seed's fields then refused as "not a
valid string" (review52). Here a repeated key is refused with where it is, and every scalar
that would have been a timestamp stays text, for the seed format's own date rule to read."""

from __future__ import annotations

from typing import Any

import yaml

from workbench.domain.unique_keys import RepeatedKey

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"


class _Loader(yaml.SafeLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        # Checked on the node's own keys, before merge keys (`<<`) are flattened into it: a
        # key of its own may override a merged one, as YAML means it to.
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if key_node.tag == _MERGE:
                continue
            key = self.construct_object(key_node, deep=deep)  # kept: constructed once
            try:
                repeated = key in seen
            except TypeError:
                continue  # an unhashable key is refused by the mapping constructor itself
            if repeated:
                mark = key_node.start_mark
                raise RepeatedKey(str(key), f"line {mark.line + 1}, column {mark.column + 1}")
            seen.add(key)
        return super().construct_mapping(node, deep)


# The safe loader's implicit types, without the timestamp: dates stay text.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> Any:
    """The YAML document in `text` as plain data; yaml.YAMLError for bad YAML, RepeatedKey (a
    ValueError) for a repeated key."""
    return yaml.load(text, Loader=_Loader)
