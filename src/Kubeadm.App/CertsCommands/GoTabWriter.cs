using System.Text;

namespace Kubeadm.App.CertsCommands;

/// <summary>
/// Aligns tab-separated lines the way Go's text/tabwriter does with left alignment and a space pad character: a cell
/// is text terminated by a tab (the text after the last tab is not a cell and is never padded); consecutive lines that
/// have a cell in a column form a block, and the column is as wide as its widest cell plus the padding, at least the
/// minimum width. A line with fewer cells ends the blocks of the columns it lacks.
/// </summary>
public sealed class GoTabWriter
{
    private readonly int _minWidth;
    private readonly int _padding;
    private readonly List<string[]> _lines = [];

    public GoTabWriter(int minWidth, int padding)
    {
        _minWidth = minWidth;
        _padding = padding;
    }

    public void WriteLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _lines.Add(line.Split('\t'));
    }

    public override string ToString()
    {
        var output = new StringBuilder();
        Format(output, [], 0, _lines.Count);
        return output.ToString();
    }

    private void Format(StringBuilder output, List<int> widths, int line0, int line1)
    {
        var column = widths.Count;
        for (var current = line0; current < line1; current++)
        {
            if (column >= _lines[current].Length - 1)
            {
                continue;
            }

            WriteLines(output, widths, line0, current);
            line0 = current;
            var width = _minWidth;
            for (; current < line1 && column < _lines[current].Length - 1; current++)
            {
                width = Math.Max(width, _lines[current][column].Length + _padding);
            }

            widths.Add(width);
            Format(output, widths, line0, current);
            widths.RemoveAt(widths.Count - 1);
            line0 = current;
            current--;
        }

        WriteLines(output, widths, line0, line1);
    }

    private void WriteLines(StringBuilder output, List<int> widths, int line0, int line1)
    {
        for (var i = line0; i < line1; i++)
        {
            var cells = _lines[i];
            for (var j = 0; j < cells.Length; j++)
            {
                output.Append(cells[j]);
                if (j < widths.Count)
                {
                    output.Append(' ', widths[j] - cells[j].Length);
                }
            }

            output.Append('\n');
        }
    }
}
