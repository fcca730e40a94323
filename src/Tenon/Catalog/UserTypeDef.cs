namespace Tenon.Catalog;

/// <summary>
/// A type made by CREATE TYPE or CREATE DOMAIN (a pg_type row of its own). Types share one
/// namespace per schema with each other and with the row types of tables, views and sequences.
/// </summary>
public abstract record UserTypeDef(uint Oid, string Schema, string Name);
