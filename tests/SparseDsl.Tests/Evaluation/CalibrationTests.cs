using SparseDsl.Evaluation;

namespace SparseDsl.Tests.Evaluation;

public class CalibrationTests
{
    [Fact]
    public void Ece_of_a_hand_computed_case_with_15_bins()
    {
        // 0.95, 0.95 → bin 14 (14/15, 1]: accuracy 1/2, confidence 0.95, gap 0.45
        // 0.82       → bin 12 (0.8, 13/15]: accuracy 1, gap 0.18
        // 0.35       → bin 5 (1/3, 0.4]:   accuracy 1, gap 0.65
        // ECE = 2/4 · 0.45 + 1/4 · 0.18 + 1/4 · 0.65 = 0.4325
        var calibration = Calibration.Compute([0.95f, 0.95f, 0.82f, 0.35f], [true, false, true, true]);

        Assert.Equal(15, calibration.Bins.Count);
        Assert.Equal(0.4325, calibration.Ece, 1e-6);
        Assert.Equal(2, calibration.Bins[14].Count);
        Assert.Equal(0.5, calibration.Bins[14].Accuracy);
        Assert.Equal(0.95, calibration.Bins[14].MeanConfidence, 1e-6);
        Assert.Equal(1, calibration.Bins[12].Count);
        Assert.Equal(1, calibration.Bins[5].Count);
        Assert.Equal(4, calibration.Bins.Sum(b => b.Count));
        Assert.Equal(0.45, calibration.Bins[14].Gap, 1e-6);
    }

    [Fact]
    public void Bins_are_closed_on_the_right_and_zero_goes_into_the_first()
    {
        // Four bins: (0, .25], (.25, .5], (.5, .75], (.75, 1]; the boundaries are exact in binary.
        var calibration = Calibration.Compute([0f, 0.25f, 0.5f, 0.5000001f, 1f], [true, true, true, true, true], bins: 4);

        Assert.Equal([2L, 1, 1, 1], calibration.Bins.Select(b => b.Count));
        Assert.Equal(0.25, calibration.Bins[1].Lower);
        Assert.Equal(0.5, calibration.Bins[1].Upper);
    }

    [Fact]
    public void Perfectly_calibrated_predictions_have_zero_ece()
    {
        // 0.75 confident and right three times out of four.
        var calibration = Calibration.Compute([0.75f, 0.75f, 0.75f, 0.75f], [true, true, false, true]);
        Assert.Equal(0, calibration.Ece, 1e-7);
    }

    [Fact]
    public void Confidence_outside_the_unit_interval_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.Compute([1.5f], [true]));
        Assert.Throws<ArgumentException>(() => Calibration.Compute([0.5f, 0.5f], [true]));
    }

    [Fact]
    public void Reliability_diagram_draws_a_bar_and_a_gap_per_non_empty_bin_and_the_diagonal()
    {
        var calibration = Calibration.Compute([0.95f, 0.95f, 0.82f, 0.35f], [true, false, true, true]);
        var svg = ReliabilityDiagram.Svg(calibration, "LeNet5 <test>");

        Assert.StartsWith("<svg", svg);
        Assert.EndsWith("</svg>\n", svg);
        Assert.Equal(3, svg.Split("class=\"accuracy\"").Length - 1);
        Assert.Equal(3, svg.Split("class=\"gap\"").Length - 1);
        Assert.Contains("class=\"diagonal\"", svg);
        Assert.Contains("ECE 43.25%", svg);
        Assert.Contains("LeNet5 &lt;test&gt;", svg);
        System.Xml.Linq.XDocument.Parse(svg); // well-formed
    }
}
