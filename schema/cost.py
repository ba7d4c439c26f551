"""The cost of a query, computed from the document before any resolver runs.

Each field selected costs 1 for every time it can be resolved. A field with a `first`
argument (every connection, and `papersSharing`) resolves its sub-selection up to `first`
times, so nested connections multiply: `papers(first: 100) { ... entities { papers(first:
100) { ... } } }` costs about 100 x 100 per field inside. Fragments count as if written out
in place. A query above the budget is refused with its cost and the budget; every answer
reports `extensions.cost`. A `first` above the page size is refused here too, before the
query runs (the resolvers check it again for in-process callers of the schema).

The budget is `PAPERKG_MAX_COST` (default 5,000) or `paperkg serve --max-cost`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLNamedType,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    value_from_ast,
)
from graphql.type import GraphQLSchema, is_interface_type, is_object_type
from strawberry.extensions.base_extension import SchemaExtension

from paperkg.graph.errors import QueryError

from .pagination import MAX_PAGE_SIZE

DEFAULT_MAX_COST = 5_000
COST_ENV = "PAPERKG_MAX_COST"
# The fields of a connection that are there once per item.
ITEM_FIELDS = frozenset({"edges", "nodes"})


def read_budget(value: str | int | None = None) -> int:
    """The cost budget: `value`, else $PAPERKG_MAX_COST, else 5,000.

    Raises:
        QueryError: the budget is not a positive whole number.
    """
    raw = value if value is not None else os.environ.get(COST_ENV, DEFAULT_MAX_COST)
    try:
        budget = int(raw)
    except (TypeError, ValueError):
        budget = 0
    if budget <= 0:
        raise QueryError(f"the query cost budget must be a positive whole number, not {raw!r}; "
                         f"set {COST_ENV} or --max-cost to e.g. {DEFAULT_MAX_COST}")
    return budget


class QueryCost:
    """Walks one operation of a document and adds up what it may resolve."""

    def __init__(self, schema: GraphQLSchema, fragments: dict[str, FragmentDefinitionNode],
                 variables: dict[str, Any] | None):
        self.schema = schema
        self.fragments = fragments
        self.variables = variables or {}
        self.oversized: list[tuple[FieldNode, int]] = []
        self.variables_read: set[str] = set()  # the variables the price depends on

    def of_operation(self, operation: OperationDefinitionNode) -> int:
        root = {OperationType.QUERY: self.schema.query_type, OperationType.MUTATION: self.schema.mutation_type,
                OperationType.SUBSCRIPTION: self.schema.subscription_type}[operation.operation]
        return self.of_selections(root, operation.selection_set, 1, frozenset()) if root else 0

    def of_selections(self, parent: GraphQLNamedType, selections: SelectionSetNode | None,
                      times: int, seen: frozenset[str], item_times: int | None = None) -> int:
        """What a selection set costs when resolved `times` times; in a connection, `edges`
        (one per item) is resolved `item_times` times, `totalCount` and `pageInfo` once.
        Outside a connection (`item_times` None) `edges` and `nodes` are plain fields, like
        the root field `nodes(ids)`."""
        item_times = times if item_times is None else item_times
        return sum(self.of_field(parent, field, item_times if field.name.value in ITEM_FIELDS else times, seen)
                   for field in self.fields_of(parent, selections, seen))

    def fields_of(self, parent: GraphQLNamedType, selections: SelectionSetNode | None,
                  seen: frozenset[str]) -> Iterator[FieldNode]:
        """The fields of a selection set, fragments spread in place (each fragment once a path)."""
        for node in selections.selections if selections else ():
            if isinstance(node, FieldNode):
                yield node
            elif isinstance(node, InlineFragmentNode):
                yield from self.fields_of(parent, node.selection_set, seen)
            elif isinstance(node, FragmentSpreadNode) and node.name.value not in seen:
                fragment = self.fragments.get(node.name.value)
                if fragment is not None:
                    yield from self.fields_of(parent, fragment.selection_set, seen | {node.name.value})

    def of_field(self, parent: GraphQLNamedType, node: FieldNode, times: int, seen: frozenset[str]) -> int:
        if not (is_object_type(parent) or is_interface_type(parent)):
            return times
        definition = parent.fields.get(node.name.value)
        if definition is None:  # __typename, or a field validation will reject anyway
            return times
        first = self.first_of(node, definition)
        child = get_named_type(definition.type)
        if first is None:
            return times + self.of_selections(child, node.selection_set, times, seen, times)
        if is_object_type(child) and "edges" in child.fields:  # a Relay connection
            return times + self.of_selections(child, node.selection_set, times, seen, times * first)
        return times + self.of_selections(child, node.selection_set, times * first, seen, times * first)

    def first_of(self, node: FieldNode, definition) -> int | None:
        argument = definition.args.get("first")
        if argument is None:
            return None
        given = next((a.value for a in node.arguments or () if a.name.value == "first"), None)
        if isinstance(given, VariableNode):
            self.variables_read.add(given.name.value)
        value = value_from_ast(given, argument.type, self.variables) if given is not None else argument.default_value
        if not isinstance(value, int):
            return 1
        if value > MAX_PAGE_SIZE or value < 0:
            self.oversized.append((node, value))
        return max(0, min(value, MAX_PAGE_SIZE))


def price_operation(schema: GraphQLSchema, document, variables: dict[str, Any] | None,
                    operation_name: str | None, budget: int) -> tuple[int, list[GraphQLError]]:
    """The cost of the operation `document` runs, and the errors that refuse it.

    Returns:
        (cost, errors): a `first` out of range is an error, and so is a cost over `budget`
        (when no `first` is out of range: that error says more).
    """
    return _price(schema, document, variables, operation_name, budget)[:2]


def _price(schema: GraphQLSchema, document, variables: dict[str, Any] | None,
           operation_name: str | None, budget: int) -> tuple[int, list[GraphQLError], frozenset[str]]:
    """`price_operation`, and the names of the variables the price read."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    chosen = [o for o in operations if operation_name is None or (o.name and o.name.value == operation_name)]
    pricer = QueryCost(schema, fragments, variables)
    cost = max((pricer.of_operation(o) for o in chosen), default=0)
    errors = [GraphQLError(f"first: {value} is out of range; ask for 0 to {MAX_PAGE_SIZE} items and "
                           "page on with `after: pageInfo.endCursor`", node)
              for node, value in pricer.oversized]
    if cost > budget and not pricer.oversized:
        errors.append(GraphQLError(
            f"query cost {cost} is over the budget of {budget}; ask for smaller pages (`first`) "
            "or fewer nested connections, and page on with `after`", chosen[0] if chosen else None))
    return cost, errors, frozenset(pricer.variables_read)


class PriceCache:
    """Prices by query text, operation and the values of the variables the price reads.

    A price depends on the document and on the variables given as `first`, nothing else: a
    paper page asked for 20,000 different ids is priced once.
    """

    def __init__(self, size: int = 1024):
        self.size = size
        self._variables_read: dict[tuple, frozenset[str]] = {}
        self._prices: dict[tuple, tuple[int, list[GraphQLError]]] = {}

    def price(self, schema: GraphQLSchema, query: str, document, variables: dict[str, Any] | None,
              operation_name: str | None, budget: int) -> tuple[int, list[GraphQLError]]:
        variables = variables or {}
        document_key = (schema, query, operation_name, budget)
        read = self._variables_read.get(document_key)
        key = None if read is None else (document_key, _values_of(variables, read))
        if key is not None and (found := self._prices.get(key)) is not None:
            return found
        cost, errors, read = _price(schema, document, variables, operation_name, budget)
        self._remember(self._variables_read, document_key, read)
        self._remember(self._prices, (document_key, _values_of(variables, read)), (cost, errors))
        return cost, errors

    def _remember(self, table: dict, key, value) -> None:
        if len(table) >= self.size:
            table.pop(next(iter(table)))  # the oldest: a bound, not an LRU
        table[key] = value


def _values_of(variables: dict[str, Any], names: frozenset[str]) -> tuple:
    """The values of `names` among `variables`, as a hashable key (absent and null differ)."""
    return tuple((name, repr(variables[name]) if name in variables else "<absent>") for name in sorted(names))


def cost_limit(budget: int) -> type[SchemaExtension]:
    """An extension class (made fresh per request by strawberry) that enforces `budget`.

    It prices the document after it has passed validation, outside the validation rules:
    the price depends on the request's variables, and a rule made per request would change
    the validation cache's key on every request (validating was 40% of a paper query).
    It must come after the validation cache among the schema's extensions.
    """

    prices = PriceCache()

    class CostLimit(SchemaExtension):
        def on_validate(self):
            context = self.execution_context
            if not context.pre_execution_errors and context.graphql_document is not None:
                self.cost, errors = prices.price(
                    context.schema._schema, context.query, context.graphql_document, context.variables,
                    context._provided_operation_name, budget)
                if errors:
                    context.pre_execution_errors = [*(context.pre_execution_errors or []), *errors]
            yield

        def get_results(self) -> dict[str, Any]:
            return {"cost": getattr(self, "cost", 0)}

    return CostLimit
