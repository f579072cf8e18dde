using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace RecurrentGpt.Functions.Http;

/// <summary>
/// Lets a Workflow handler's result (an <see cref="IResult"/> that writes itself) be a function's return value, which the
/// ASP.NET Core integration expects as an <see cref="IActionResult"/>: the response bytes are the handler's own.
/// </summary>
public sealed class ApiActionResult(IResult result) : IActionResult
{
    public IResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context) => Result.ExecuteAsync(context.HttpContext);

    public static async Task<IActionResult> Of(Task<IResult> result) => new ApiActionResult(await result);
}
