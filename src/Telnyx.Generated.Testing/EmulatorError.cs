namespace Telnyx.Generated.Testing;

/// <summary>An error the emulator answers a request with, in the terms Telnyx reports it (one item of <c>errors</c>).</summary>
/// <param name="Code">Telnyx's error code, such as <c>10004</c> (missing) or <c>10033</c> (out of range).</param>
/// <param name="Title">Its title, such as <c>Missing required parameter</c>.</param>
/// <param name="Detail">What is wrong, such as <c>The value is outside of allowed range 0 to 100</c>.</param>
/// <param name="Pointer">The JSON pointer to the value at fault (<c>source.pointer</c>), such as <c>/duration_millis</c>; empty for none.</param>
public sealed record EmulatorError(string Code, string Title, string Detail, string Pointer);
