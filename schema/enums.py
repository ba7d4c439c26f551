"""The GraphQL enums: the records' own `EntityType` and `Role`, exposed as they are.

Registering the records' enums (rather than copies) means resolver arguments arrive as
`records.EntityType` members and can be handed straight to the graph stage.
"""

import strawberry

from paperkg.graph.records import EntityType as _EntityType
from paperkg.graph.records import Role as _Role

EntityType = strawberry.enum(
    _EntityType,
    name="EntityType",
    description="The kind of named thing a paper can use.",
)

Role = strawberry.enum(
    _Role,
    name="Role",
    description="What a paper does with an entity: MENTIONS < USES < EVALUATES_ON < COMPARES < INTRODUCES.",
)

__all__ = ["EntityType", "Role"]
