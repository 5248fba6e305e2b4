using System.Globalization;
using System.Net;
using System.Text;
using SakipServerless.Core.Templates;
using SakipServerless.Dashboard.Api.Models;
using SakipServerless.Dashboard.Charts;
using SakipServerless.Dashboard.Shared;

namespace SakipServerless.Dashboard.Runs.Swimlane;

/// <summary>
/// Draws a <see cref="SwimlaneModel"/> as SVG, server-side, in the symbols of the SOP format (PermenPAN-RB 35/2012):
/// terminators for start and end, rectangles for activities, a diamond for a check whose "Tidak" arrow loops back
/// to the step that is redone. One step per row, in its assignee's lane; the lanes that take part get a marker on
/// the row. Colours are the step states; every shape links to the step's details below the chart.
/// </summary>
public static class SwimlaneSvg
{
    private const double LaneWidth = 172, HeaderHeight = 52, RowHeight = 132, FirstRow = HeaderHeight + 86;
    private const double BoxWidth = 138, BoxHeight = 58, DiamondWidth = 150, DiamondHeight = 80, LoopGap = 16;

    /// <summary>
    /// The lane titles again as an HTML row of the same widths, pinned to the top of the scrolling frame (CSS sticky),
    /// so a phone scrolled to step 9 still sees whose column is whose. It covers the SVG's own header row, which stays
    /// for print and for readers of the SVG alone; hidden from assistive technology, which reads the SVG's.
    /// </summary>
    public static string LaneHeads(SwimlaneModel model)
    {
        var html = new StringBuilder(1024);
        html.Append(Inv($"<div class=\"lane-heads\" aria-hidden=\"true\" style=\"height:{HeaderHeight:0}px\">"));
        foreach (string lane in model.Lanes.DefaultIfEmpty(""))
        {
            html.Append(Inv($"<div class=\"lane-head\" style=\"flex-basis:{LaneWidth:0}px\">")).Append(WebUtility.HtmlEncode(lane)).Append("</div>");
        }

        return html.Append("</div>").ToString();
    }

    /// <param name="pagePath">The run page's path: shapes link to <c>{pagePath}#langkah-{step}</c> (the document has a base href, so a bare fragment would leave the page).</param>
    public static string Write(SwimlaneModel model, string pagePath)
    {
        var nodes = model.Nodes;
        int lanes = Math.Max(1, model.Lanes.Count);
        int loops = nodes.Count(n => n.ReturnTo is not null);
        double lanesWidth = lanes * LaneWidth;
        double width = lanesWidth + (loops > 0 ? 24 + loops * LoopGap + 24 : 8);
        double endY = CenterY(nodes.Count) - 20;
        double height = endY + 60;
        var svg = new StringBuilder(16_384);
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swimlane\" viewBox=\"0 0 {width:0} {height:0}\" width=\"{width:0}\" height=\"{height:0}\" role=\"img\" aria-labelledby=\"swimlane-title\">"));
        svg.Append("<title id=\"swimlane-title\">Diagram alir SOP: ").Append(nodes.Count).Append(" langkah dalam ").Append(lanes).Append(" kolom pelaksana</title>");
        svg.Append("<defs>");
        Marker(svg, "ah", "#455a64");
        Marker(svg, "ah-muted", "#b0bec5");
        Marker(svg, "ah-return", "#8e24aa");
        svg.Append("</defs>");

        // Lanes: alternating backgrounds with the Pelaksana titles as headers.
        for (int i = 0; i < lanes; i++)
        {
            double x = i * LaneWidth;
            svg.Append(Inv($"<rect class=\"lane\" x=\"{x}\" y=\"0\" width=\"{LaneWidth}\" height=\"{height}\" fill=\"{(i % 2 == 0 ? "#fafbfc" : "#f1f4f6")}\" stroke=\"#dfe3e6\"/>"));
            svg.Append(Inv($"<rect x=\"{x}\" y=\"0\" width=\"{LaneWidth}\" height=\"{HeaderHeight}\" fill=\"#263238\" stroke=\"#fff\"/>"));
            Text(svg, i < model.Lanes.Count ? model.Lanes[i] : "", x + LaneWidth / 2, 30, 24, 2, "lane-title", "#fff", 12, bold: true);
        }

        if (nodes.Count == 0)
        {
            return svg.Append("</svg>").ToString();
        }

        // Start terminator above the first step, end terminator below the last.
        double startX = LaneX(nodes[0].Lane);
        Terminator(svg, startX, HeaderHeight + 34, "Mulai", true);
        Arrow(svg, $"M{N(startX)},{N(HeaderHeight + 50)} V{N(Top(nodes[0], 0))}", Reached(nodes[0]));

        for (int i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (i + 1 < nodes.Count)
            {
                var next = nodes[i + 1];
                double x1 = LaneX(node.Lane), y1 = Bottom(node, i), x2 = LaneX(next.Lane), y2 = Top(next, i + 1);
                string path = x1 == x2 ? $"M{N(x1)},{N(y1)} V{N(y2)}" : $"M{N(x1)},{N(y1)} V{N((y1 + y2) / 2 + 6)} H{N(x2)} V{N(y2)}";
                Arrow(svg, path, Reached(next));
                if (node.Kind == StepKind.Review)
                {
                    Label(svg, "Ya", x1 + 8, y1 + 14, "#2e7d32");
                }
            }
        }

        var last = nodes[^1];
        double lastX = LaneX(last.Lane);
        Arrow(svg, $"M{N(lastX)},{N(Bottom(last, nodes.Count - 1))} V{N(endY - 16)}", model.Finished);
        if (last.Kind == StepKind.Review)
        {
            Label(svg, "Ya", lastX + 8, Bottom(last, nodes.Count - 1) + 14, "#2e7d32");
        }

        Terminator(svg, lastX, endY, "Selesai", model.Finished);

        // Return loops ("Tidak"), each on its own track right of the lanes so loops never share a line.
        int track = 0;
        for (int i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            int target = node.ReturnTo is null ? -1 : IndexOf(nodes, node.ReturnTo);
            if (target < 0)
            {
                continue;
            }

            double loopX = lanesWidth + 24 + track++ * LoopGap;
            double fromX = LaneX(node.Lane) + DiamondWidth / 2, fromY = CenterY(i);
            double toX = LaneX(nodes[target].Lane) + HalfWidth(nodes[target]), toY = CenterY(target) + 10;
            bool used = node.ReturnCount > 0;
            svg.Append(Inv($"<path class=\"return-loop\" d=\"M{N(fromX)},{N(fromY)} H{N(loopX)} V{N(toY)} H{N(toX + 2)}\" fill=\"none\" stroke=\"{(used ? "#8e24aa" : "#ce93d8")}\" stroke-width=\"{(used ? 2 : 1.5)}\" stroke-dasharray=\"{(used ? "" : "5 4")}\" marker-end=\"url(#ah-return)\"/>"));
            Label(svg, "Tidak" + (used ? $" ({node.ReturnCount}×)" : ""), fromX + 6, fromY - 6, "#8e24aa");
        }

        for (int i = 0; i < nodes.Count; i++)
        {
            Node(svg, nodes[i], i, pagePath);
        }

        return svg.Append("</svg>").ToString();
    }

    private static void Node(StringBuilder svg, SwimlaneNode node, int row, string pagePath)
    {
        double cx = LaneX(node.Lane), cy = CenterY(row);
        string stroke = StateColors.Of(node.State), fill = StateColors.FillOf(node.State);
        if (node.State == StepState.Skipped)
        {
            stroke = "#b0bec5";
        }

        // Lanes that take part: a marker on the row, joined to the shape by a dashed line.
        foreach (int lane in node.OtherLanes.Where(l => l != node.Lane))
        {
            double mx = LaneX(lane), my = cy - 12;
            double fromX = cx + (mx > cx ? HalfWidth(node) : -HalfWidth(node));
            svg.Append(Inv($"<line x1=\"{N(fromX)}\" y1=\"{N(my)}\" x2=\"{N(mx)}\" y2=\"{N(my)}\" stroke=\"#90a4ae\" stroke-dasharray=\"3 3\"/>"));
            svg.Append(Inv($"<rect class=\"participant\" x=\"{N(mx - 22)}\" y=\"{N(my - 9)}\" width=\"44\" height=\"18\" rx=\"9\" fill=\"#fff\" stroke=\"#90a4ae\"/>"));
            Text(svg, "ikut", mx, my + 4, 10, 1, null, "#546e7a", 10);
        }

        string css = IndonesianText.CssOf(node.State);
        svg.Append($"<a href=\"{Esc(pagePath)}#langkah-{Esc(node.StepId)}\" class=\"node {css}\" data-step=\"{Esc(node.StepId)}\" data-state=\"{node.State.ToString().ToLowerInvariant()}\">");
        svg.Append("<title>").Append(Esc($"Langkah {node.No}: {node.Activity} — {IndonesianText.StepState(node.State)}{(node.DueText is null ? "" : " · " + node.DueText)}{(node.LateText is null ? "" : " · " + node.LateText)}")).Append("</title>");
        string dash = node.State == StepState.Skipped ? " stroke-dasharray=\"5 4\" opacity=\"0.7\"" : "";
        double strokeWidth = node.State is StepState.Escalated or StepState.Active or StepState.Late ? 3 : 1.6;
        if (node.Kind == StepKind.Review)
        {
            double hw = DiamondWidth / 2, hh = DiamondHeight / 2;
            svg.Append(Inv($"<polygon class=\"shape decision\" points=\"{N(cx)},{N(cy - hh)} {N(cx + hw)},{N(cy)} {N(cx)},{N(cy + hh)} {N(cx - hw)},{N(cy)}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{strokeWidth}\"{dash}/>"));
            Text(svg, node.Activity, cx, cy + 4, 17, 2, "activity", "#212121", 10.5);
        }
        else
        {
            double x = cx - BoxWidth / 2, y = cy - BoxHeight / 2;
            if (node.Kind == StepKind.Collect)
            {
                // A second sheet behind: the step gathers the work of several units.
                svg.Append(Inv($"<rect x=\"{N(x + 5)}\" y=\"{N(y - 5)}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"4\" fill=\"#fff\" stroke=\"{stroke}\" stroke-width=\"1\"{dash}/>"));
            }

            svg.Append(Inv($"<rect class=\"shape process\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"4\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{strokeWidth}\"{dash}/>"));
            Text(svg, node.Activity, cx, cy + 4, 23, 3, "activity", "#212121", 10.5);
        }

        // Step number in a circle on the shape's top-left corner.
        double bx = cx - HalfWidth(node) + (node.Kind == StepKind.Review ? 26 : 2), by = cy - (node.Kind == StepKind.Review ? DiamondHeight / 2 - 8 : BoxHeight / 2);
        svg.Append(Inv($"<circle cx=\"{N(bx)}\" cy=\"{N(by)}\" r=\"10\" fill=\"{stroke}\"/>"));
        Text(svg, node.No.ToString(CultureInfo.InvariantCulture), bx, by + 4, 3, 1, null, node.State == StepState.Skipped ? "#455a64" : "#fff", 10.5, bold: true);

        double ty = cy + HalfHeight(node) + 14;
        if (node.DueText is not null)
        {
            Text(svg, node.DueText, cx + 6, ty, 40, 1, "due", "#37474f", 10, anchor: "start");
            ty += 13;
        }

        if (node.LateText is not null)
        {
            Text(svg, node.LateText, cx + 6, ty, 40, 1, "lateness", node.State == StepState.Escalated ? "#c62828" : "#e65100", 10, bold: true, anchor: "start");
        }
        else if (node.State == StepState.Skipped)
        {
            Text(svg, "tidak berlaku periode ini", cx + 6, ty, 40, 1, "due", "#78909c", 10, anchor: "start");
        }

        svg.Append("</a>");
    }

    private static void Terminator(StringBuilder svg, double cx, double cy, string text, bool reached)
    {
        svg.Append(Inv($"<rect class=\"terminator\" x=\"{N(cx - 44)}\" y=\"{N(cy - 16)}\" width=\"88\" height=\"32\" rx=\"16\" fill=\"{(reached ? "#263238" : "#fff")}\" stroke=\"#263238\" stroke-width=\"1.5\"/>"));
        Text(svg, text, cx, cy + 4, 12, 1, null, reached ? "#fff" : "#263238", 11.5, bold: true);
    }

    private static void Arrow(StringBuilder svg, string path, bool reached) =>
        svg.Append(Inv($"<path class=\"flow\" d=\"{path}\" fill=\"none\" stroke=\"{(reached ? "#455a64" : "#b0bec5")}\" stroke-width=\"1.6\" marker-end=\"url(#{(reached ? "ah" : "ah-muted")})\"/>"));

    private static void Marker(StringBuilder svg, string id, string color) =>
        svg.Append($"<marker id=\"{id}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{color}\"/></marker>");

    private static void Label(StringBuilder svg, string text, double x, double y, string color) =>
        Text(svg, text, x, y, 20, 1, "flow-label", color, 10.5, bold: true, anchor: "start");

    /// <summary>Text wrapped at word boundaries into at most <paramref name="maxLines"/> lines, the last one cut with an ellipsis.</summary>
    private static void Text(StringBuilder svg, string text, double x, double y, int perLine, int maxLines, string? css, string color, double size,
        bool bold = false, string anchor = "middle")
    {
        var lines = Wrap(text, perLine, maxLines);
        double first = y - (lines.Count - 1) * (size + 2) / 2 * (maxLines > 1 ? 1 : 0);
        svg.Append(Inv($"<text x=\"{N(x)}\" y=\"{N(first)}\" font-size=\"{size}\" fill=\"{color}\" text-anchor=\"{anchor}\"{(bold ? " font-weight=\"600\"" : "")}{(css is null ? "" : $" class=\"{css}\"")}>"));
        for (int i = 0; i < lines.Count; i++)
        {
            svg.Append(Inv($"<tspan x=\"{N(x)}\" dy=\"{(i == 0 ? 0 : size + 2)}\">")).Append(Esc(lines[i])).Append("</tspan>");
        }

        svg.Append("</text>");
    }

    public static List<string> Wrap(string text, int perLine, int maxLines)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int w = 0; w < words.Length; w++)
        {
            string word = words[w];
            if (current.Length > 0 && current.Length + 1 + word.Length > perLine)
            {
                lines.Add(current.ToString());
                current.Clear();
                if (lines.Count == maxLines)
                {
                    break;
                }
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(word.Length > perLine ? word[..(perLine - 1)] + "…" : word);
        }

        if (current.Length > 0 && lines.Count < maxLines)
        {
            lines.Add(current.ToString());
        }
        else if (lines.Count == maxLines && string.Join(' ', lines).Length < text.Length)
        {
            string lastLine = lines[^1];
            lines[^1] = (lastLine.Length >= perLine ? lastLine[..(perLine - 1)] : lastLine).TrimEnd() + "…";
        }

        return lines;
    }

    private static int IndexOf(IReadOnlyList<SwimlaneNode> nodes, string stepId)
    {
        for (int i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].StepId == stepId)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Reached(SwimlaneNode node) => node.State is not (StepState.Pending or StepState.Skipped);

    private static double LaneX(int lane) => lane * LaneWidth + LaneWidth / 2;

    private static double CenterY(int row) => FirstRow + row * RowHeight;

    private static double HalfWidth(SwimlaneNode node) => node.Kind == StepKind.Review ? DiamondWidth / 2 : BoxWidth / 2;

    private static double HalfHeight(SwimlaneNode node) => node.Kind == StepKind.Review ? DiamondHeight / 2 : BoxHeight / 2;

    private static double Top(SwimlaneNode node, int row) => CenterY(row) - HalfHeight(node) - 2;

    private static double Bottom(SwimlaneNode node, int row) => CenterY(row) + HalfHeight(node);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
