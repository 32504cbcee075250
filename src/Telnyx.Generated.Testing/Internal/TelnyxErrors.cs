using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Telnyx.Generated.Testing.Internal;

/// <summary>Writes bodies in Telnyx's shapes: <c>{"data":{"result":"ok"}}</c> and <c>{"errors":[...]}</c>.</summary>
internal static class TelnyxErrors
{
    public static Task WriteOkAsync(HttpContext context) =>
        WriteJsonAsync(context, 200, new JsonObject { ["data"] = new JsonObject { ["result"] = "ok" } });

    public static Task WriteAsync(HttpContext context, int status, IEnumerable<EmulatorError> errors) => WriteJsonAsync(context, status, Body(errors));

    public static Task WriteAsync(HttpContext context, int status, string code, string title, string detail, string pointer = "") =>
        WriteJsonAsync(context, status, Body(code, title, detail, pointer));

    /// <summary>An <c>{"errors":[...]}</c> body with one error.</summary>
    public static JsonObject Body(string code, string title, string detail, string pointer = "") => Body([new EmulatorError(code, title, detail, pointer)]);

    /// <summary>An <c>{"errors":[...]}</c> body.</summary>
    public static JsonObject Body(IEnumerable<EmulatorError> errors)
    {
        var list = new JsonArray();
        foreach (var error in errors)
        {
            var item = new JsonObject { ["code"] = error.Code, ["title"] = error.Title, ["detail"] = error.Detail };
            if (error.Pointer.Length > 0)
            {
                item["source"] = new JsonObject { ["pointer"] = error.Pointer };
            }

            list.Add(item);
        }

        return new JsonObject { ["errors"] = list };
    }

    public static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        // A Content-Length, not chunked framing: the chunked terminator went out as a separate write, so a client that
        // reads the body to its end (as TelnyxClient does, to bound the read by its timeout) waited for one more segment.
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body.WriteTo(writer);
        }

        var bytes = buffer.WrittenMemory;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}
