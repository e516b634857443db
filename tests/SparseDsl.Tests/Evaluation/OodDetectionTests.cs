using SparseDsl.Evaluation;

namespace SparseDsl.Tests.Evaluation;

public class OodDetectionTests
{
    [Fact]
    public void Auroc_and_fpr_of_a_hand_computed_case_with_a_tie()
    {
        // In-distribution (positives) 0.9, 0.8, 0.7, 0.6; OoD 0.75, 0.6, 0.2. Of the 12 pairs the positive wins
        // 3 + 3 + 2 + 1 and ties one (0.6 = 0.6, counted ½): AUROC = 9.5 / 12.
        // TPR 95% of 4 positives needs all 4: threshold 0.6, which accepts 0.75 and 0.6: FPR = 2/3.
        var result = OodDetection.Compute([0.9f, 0.8f, 0.7f, 0.6f], [0.75f, 0.6f, 0.2f]);

        Assert.Equal(9.5 / 12, result.Auroc, 1e-12);
        Assert.Equal(2.0 / 3, result.FprAt95Tpr, 1e-12);
        Assert.Equal(4, result.InCount);
        Assert.Equal(3, result.OutCount);
    }

    [Fact]
    public void Separated_scores_give_auroc_1_and_fpr_0_and_identical_ones_one_half_and_1()
    {
        var separated = OodDetection.Compute([0.9f, 0.8f], [0.1f, 0.3f]);
        Assert.Equal(1, separated.Auroc);
        Assert.Equal(0, separated.FprAt95Tpr);

        var tied = OodDetection.Compute([0.5f, 0.5f], [0.5f, 0.5f, 0.5f]);
        Assert.Equal(0.5, tied.Auroc);
        Assert.Equal(1, tied.FprAt95Tpr);

        var reversed = OodDetection.Compute([0.1f, 0.2f], [0.8f, 0.9f]);
        Assert.Equal(0, reversed.Auroc);
    }

    [Fact]
    public void The_threshold_is_the_19th_highest_of_20_positives()
    {
        // Positives 0.05, 0.10, …, 1.00: 95% of 20 is 19, so the threshold is the second lowest, 0.10.
        var positives = Enumerable.Range(1, 20).Select(i => i / 20f).ToArray();
        var result = OodDetection.Compute(positives, [0.05f, 0.10f, 0.5f]);
        Assert.Equal(2.0 / 3, result.FprAt95Tpr, 1e-12);
    }

    [Fact]
    public void Empty_sides_are_refused()
    {
        Assert.Throws<ArgumentException>(() => OodDetection.Compute([], [0.5f]));
        Assert.Throws<ArgumentException>(() => OodDetection.Compute([0.5f], []));
    }
}
