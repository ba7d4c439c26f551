"""Compiled execution: a query runs as a plan of plain calls, not through graphql-core's executor.

graphql-core executes a document field by field: for each field of each object it collects the
selections again, builds a resolve info, checks the result for awaitables, and completes it
through several layers of calls. On a paper page (about 250 fields) that machinery costs
four times what reading the data does. graphql-jit does the same thing for graphql-js:
compile each document once into a plan, then run the plan on each request.

The plan for an object type and its selections is a list of fields, each with its resolver and
a completion function chosen once from its return type (leaf, list, object, non-null). A
field without a resolver of its own reads the attribute, as strawberry's default resolver does;
a field with one is called as graphql-core would call it (same resolve info and arguments).
Awaitable results are gathered a wave at a time, so that every DataLoader of the request is
asked for all its keys in the same tick, as graphql-core's execution does.

The plan only answers what it answers exactly as graphql-core would. Anything else makes it
step aside, and strawberry runs graphql-core as always, so the answer, errors included, is
graphql-core's:
- documents it does not compile (mutations, subscriptions, directives, introspection);
- any error (a resolver raises, a variable does not coerce, a value does not serialise);
- a null where the schema says non-null.

The limits (depth, cost, tokens, time) run before and around execution, so they hold on both paths.
Running a plan is schema/compiled_run.py.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Callable

from graphql import (
    DocumentNode, FieldNode, FragmentDefinitionNode, FragmentSpreadNode, GraphQLAbstractType,
    GraphQLField, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema,
    InlineFragmentNode, OperationDefinitionNode, OperationType, SelectionSetNode, Undefined,
    default_type_resolver, get_operation_ast, is_abstract_type, is_leaf_type,
)
from graphql.execution.values import get_argument_values

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from .compiled_run import Run

# A response path as plain tuples (previous, key, type name): made for every field and list
# item, it is a graphql-core `Path` only where a resolver's info needs one.
PathLink = tuple

TYPENAME = "__typename"
STRAWBERRY_DEFINITION = "strawberry-definition"  # GraphQLCoreConverter.DEFINITION_BACKREF


class StepAside(Exception):
    """The plan cannot give graphql-core's exact answer here; graphql-core runs instead."""


# -- compiling -----------------------------------------------------------------------------

@dataclass(slots=True)
class FieldPlan:
    """One response key of an object: how to read it and how to complete what it reads."""

    key: str
    field_def: GraphQLField | None  # None for __typename
    field_nodes: list[FieldNode]
    parent_type: GraphQLObjectType
    read: Callable[[Any], Any] | None  # a field without a resolver of its own: what it reads
    static_args: dict[str, Any] | None  # arguments without variables, coerced once
    call: Callable[[Any, GraphQLResolveInfo], Any] | None = None  # a resolver without arguments, called directly
    complete: Callable[[Any, Run, PathLink], Any] = None


@dataclass
class CompiledOperation:
    """A query document compiled against a schema; object plans are made on first use."""

    schema: GraphQLSchema
    strawberry_schema: Any  # the strawberry Schema the graphql-core schema was made from
    operation: OperationDefinitionNode
    fragments: dict[str, FragmentDefinitionNode]
    object_plans: dict[tuple, list[FieldPlan]] = field(default_factory=dict)
    root_plans: list[FieldPlan] = field(default_factory=list)

    def plan_object(self, object_type: GraphQLObjectType, nodes: tuple) -> list[FieldPlan]:
        """The field plans of `object_type` under the merged selections of `nodes` (field nodes)."""
        key = (object_type.name, tuple(id(node) for node in nodes))
        plans = self.object_plans.get(key)
        if plans is None:
            selections = [node.selection_set for node in nodes if node.selection_set]
            plans = self.object_plans[key] = self._plan_fields(object_type, selections)
        return plans

    def _plan_fields(self, object_type: GraphQLObjectType, selection_sets) -> list[FieldPlan]:
        grouped: dict[str, list[FieldNode]] = {}
        for selection_set in selection_sets:
            self._collect(object_type, selection_set, grouped)
        return [self._plan_field(object_type, key, nodes) for key, nodes in grouped.items()]

    def _collect(self, object_type: GraphQLObjectType, selection_set: SelectionSetNode,
                 grouped: dict[str, list[FieldNode]]) -> None:
        """graphql-core's CollectFields, for documents without directives."""
        for selection in selection_set.selections:
            if selection.directives:
                raise StepAside("directives")
            if isinstance(selection, FieldNode):
                key = selection.alias.value if selection.alias else selection.name.value
                grouped.setdefault(key, []).append(selection)
                continue
            if isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is None or fragment.directives or getattr(fragment, "variable_definitions", None):
                    raise StepAside("fragment")
                condition, inner = fragment.type_condition, fragment.selection_set
            elif isinstance(selection, InlineFragmentNode):
                condition, inner = selection.type_condition, selection.selection_set
            else:
                raise StepAside(type(selection).__name__)
            if condition is None or self._applies(condition.name.value, object_type):
                self._collect(object_type, inner, grouped)

    def _applies(self, condition: str, object_type: GraphQLObjectType) -> bool:
        condition_type = self.schema.get_type(condition)
        if condition_type is object_type:
            return True
        return is_abstract_type(condition_type) and self.schema.is_sub_type(condition_type, object_type)

    def _plan_field(self, parent: GraphQLObjectType, key: str, nodes: list[FieldNode]) -> FieldPlan:
        name = nodes[0].name.value
        if name == TYPENAME:
            return FieldPlan(key, None, nodes, parent, None, None, complete=_typename_of(parent))
        if name.startswith("__"):
            raise StepAside("introspection")
        field_def = parent.fields[name]
        plan = FieldPlan(key, field_def, nodes, parent, _attribute_reader(field_def),
                         _static_arguments(field_def, nodes[0]), _direct_call(field_def, self.strawberry_schema))
        plan.complete = self._completer(field_def.type, plan)
        return plan

    def _completer(self, return_type, plan: FieldPlan) -> Callable[[Any, Run, PathLink], Any]:
        """The function that turns a resolved value of `return_type` into its JSON value."""
        if isinstance(return_type, GraphQLNonNull):
            return _non_null(self._completer(return_type.of_type, plan))
        if isinstance(return_type, GraphQLList):
            return _list_of(self._completer(return_type.of_type, plan))
        if is_leaf_type(return_type):
            return _leaf(return_type.serialize)
        nodes = tuple(plan.field_nodes)
        if isinstance(return_type, GraphQLObjectType):
            return _object(return_type, self.plan_object(return_type, nodes))
        if isinstance(return_type, GraphQLAbstractType):
            plans = {t.name: self.plan_object(t, nodes) for t in self.schema.get_possible_types(return_type)}
            return _abstract(return_type, plans, plan)
        raise StepAside(f"type {return_type}")


def _object(object_type: GraphQLObjectType, plans: list[FieldPlan]):
    """Complete an object: graphql-core's is_type_of check where the type has one, then its fields."""
    is_type_of = object_type.is_type_of

    def complete(value, run, path):
        if value is None:
            return None
        if is_type_of is not None and is_type_of(value, None) is not True:
            raise StepAside(f"{type(value).__name__} is not a {object_type.name}")
        return run.execute_object(plans, value, path)

    return complete


def _abstract(abstract: GraphQLAbstractType, plans_by_type: dict[str, list[FieldPlan]], field_plan: FieldPlan):
    """Complete a value of an interface or union: its type through the type's own resolve_type."""
    resolve_type = abstract.resolve_type or default_type_resolver

    def complete(value, run, path):
        if value is None:
            return None
        name = resolve_type(value, run.resolve_info(field_plan, path), abstract)
        plans = plans_by_type.get(name) if isinstance(name, str) else None
        if plans is None:
            raise StepAside(f"no runtime type for {type(value).__name__}")
        return run.execute_object(plans, value, path)

    return complete


def _attribute_reader(field_def: GraphQLField) -> Callable[[Any], Any] | None:
    """For a strawberry field without a resolver of its own, the read its default resolver does.

    strawberry resolves such a field with `default_resolver(source, python_name)` (getattr
    unless the schema's config says otherwise), without info or arguments.
    """
    if not getattr(field_def.resolve, "_is_default", False):
        return None
    definition = (field_def.extensions or {}).get(STRAWBERRY_DEFINITION)
    if definition is None or definition.base_resolver is not None or definition.extensions:
        return lambda source: field_def.resolve(source, None)
    if definition.default_resolver is getattr:
        return attrgetter(definition.python_name)
    default_resolver, name = definition.default_resolver, definition.python_name
    return lambda source: default_resolver(source, name)


def _direct_call(field_def: GraphQLField, strawberry_schema: Any) -> Callable | None:
    """For a strawberry resolver without arguments, extensions or exception handlers: the call
    strawberry's wrapper makes, without the wrapper (schema_converter.get_arguments).

    The wrapper converts arguments (there are none), lets field extensions reshape them
    (there are none), then passes the source as `self`, `root` or `parent` and a strawberry
    `Info` as `info`, as the resolver's signature asks. A mention's `entity` is such a field:
    the wrapper cost 8 us of the 10 us each one took.
    """
    definition = (field_def.extensions or {}).get(STRAWBERRY_DEFINITION)
    if definition is None or getattr(field_def.resolve, "_is_default", False):
        return None
    resolver = definition.base_resolver
    # strawberry's own test of whether a field's errors may become results (a private method:
    # where it is missing, every resolver goes through the wrapper)
    handlers_of = getattr(getattr(strawberry_schema, "schema_converter", None), "_get_field_exception_handlers", None)
    if (resolver is None or definition.extensions or resolver.arguments or field_def.args or handlers_of is None
            or handlers_of(definition)):
        return None
    info_class = strawberry_schema.config.info_class
    as_self = resolver.self_parameter is not None
    source_names = [p.name for p in (resolver.root_parameter, resolver.parent_parameter) if p is not None]
    info_name = resolver.info_parameter.name if resolver.info_parameter is not None else None

    def call(source: Any, info: GraphQLResolveInfo) -> Any:
        kwargs = {name: source for name in source_names}
        if info_name is not None:
            kwargs[info_name] = info_class(_raw_info=info, _field=definition)
        return resolver(source, **kwargs) if as_self else resolver(**kwargs)

    return call


def _static_arguments(field_def: GraphQLField, node: FieldNode) -> dict[str, Any] | None:
    """The field's arguments when they hold no variables (coerced once), else None."""
    if any(_has_variable(argument.value) for argument in node.arguments or ()):
        return None
    try:
        return get_argument_values(field_def, node)
    except Exception as exc:  # graphql-core reports it
        raise StepAside("arguments do not coerce") from exc


def _typename_of(parent: GraphQLObjectType):
    return lambda value, run, path: parent.name


def _non_null(inner):
    def complete(value, run, path):
        if value is None:
            raise StepAside("null in a non-null field")
        return inner(value, run, path)

    return complete


def _list_of(inner):
    def complete(value, run, path):
        if value is None:
            return None
        if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__iter__"):
            raise StepAside("a list field resolved to a non-list")
        return [inner(item, run, (path, index, None)) for index, item in enumerate(value)]

    return complete


def _leaf(serialize):
    def complete(value, run, path):
        if value is None:
            return None
        if run.is_awaitable(value):
            raise StepAside("an awaitable list item")
        serialized = serialize(value)
        if serialized is Undefined or serialized is None:
            raise StepAside("a value that does not serialise")
        return serialized

    return complete


def _has_variable(value_node) -> bool:
    kind = type(value_node).__name__
    if kind == "VariableNode":
        return True
    if kind == "ListValueNode":
        return any(_has_variable(item) for item in value_node.values)
    if kind == "ObjectValueNode":
        return any(_has_variable(item.value) for item in value_node.fields)
    return False


def compile_operation(strawberry_schema: Any, document: DocumentNode, operation_name: str | None) -> CompiledOperation:
    """Compile the query `operation_name` of `document` against a strawberry Schema; raise
    StepAside for anything else."""
    schema = strawberry_schema._schema
    operation = get_operation_ast(document, operation_name)
    if operation is None or operation.operation is not OperationType.QUERY or operation.directives:
        raise StepAside("not a single query")
    if any(definition.directives for definition in operation.variable_definitions or ()):
        raise StepAside("variable directives")
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    compiled = CompiledOperation(schema, strawberry_schema, operation, fragments)
    # Every plan is made now, down to the leaves, so that a document that cannot compile is
    # known at once and never half-runs.
    compiled.root_plans = compiled.plan_object(schema.query_type, (_RootNode(operation.selection_set),))
    return compiled


@dataclass(frozen=True)
class _RootNode:
    """The operation's selection set in the shape of a field node, so the root plans like any object."""

    selection_set: SelectionSetNode


class CompiledOperations:
    """Compiled documents by (query text, operation name), the least recently used dropped first."""

    def __init__(self, size: int = 512):
        self.size = size
        self._compiled: OrderedDict[tuple, CompiledOperation | None] = OrderedDict()

    def get(self, strawberry_schema: Any, query: str, document: DocumentNode,
            operation_name: str | None) -> CompiledOperation | None:
        """The compiled operation, or None when the document does not compile (remembered too)."""
        key = (query, operation_name)
        if key in self._compiled:
            self._compiled.move_to_end(key)
            return self._compiled[key]
        try:
            compiled = compile_operation(strawberry_schema, document, operation_name)
        except StepAside:
            compiled = None
        except Exception:  # a plan never stands between a query and graphql-core's answer
            log.warning("could not compile a query; graphql-core runs it", exc_info=True)
            compiled = None
        self._compiled[key] = compiled
        while len(self._compiled) > self.size:
            self._compiled.popitem(last=False)
        return compiled


__all__ = ["CompiledOperation", "CompiledOperations", "FieldPlan", "PathLink", "StepAside", "compile_operation"]
