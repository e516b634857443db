namespace SparseDsl.Models.Tests;

/// <summary>
/// Parameter counts of the reference implementations (open_lth's CIFAR ResNet, the official Random_Pruning CIFAR VGG
/// and WRN, torchvision's ImageNet ResNets), computed once with PyTorch 1.13 by reference_parameter_counts.py in this
/// folder (/usr/bin/python3 reference_parameter_counts.py). They agree with the published figures
/// (cifar_resnet_20 272,474; cifar_resnet_56 855,770; vgg16 14,724,042; resnet50 25,557,032; wide_resnet50_2 68,883,240).
/// </summary>
internal static class ReferenceCounts
{
    public static IReadOnlyDictionary<string, long> ByName { get; } = new Dictionary<string, long>
    {
        ["lenet5"] = 61_706,
        ["mlp"] = 266_610,
        ["mlp_x2"] = 593_210,
        ["mlp_x4"] = 1_426_410,
        ["cifar_resnet_20_8"] = 68_786,
        ["cifar_resnet_20_16"] = 272_474,
        ["cifar_resnet_20_24"] = 611_074,
        ["cifar_resnet_20_32"] = 1_084_586,
        ["cifar_resnet_20_64"] = 4_327_754,
        ["cifar_resnet_32_8"] = 117_618,
        ["cifar_resnet_32_16"] = 466_906,
        ["cifar_resnet_32_24"] = 1_047_874,
        ["cifar_resnet_32_32"] = 1_860_522,
        ["cifar_resnet_32_64"] = 7_427_914,
        ["cifar_resnet_44_8"] = 166_450,
        ["cifar_resnet_44_16"] = 661_338,
        ["cifar_resnet_44_24"] = 1_484_674,
        ["cifar_resnet_44_32"] = 2_636_458,
        ["cifar_resnet_44_64"] = 10_528_074,
        ["cifar_resnet_56_8"] = 215_282,
        ["cifar_resnet_56_16"] = 855_770,
        ["cifar_resnet_56_24"] = 1_921_474,
        ["cifar_resnet_56_32"] = 3_412_394,
        ["cifar_resnet_56_64"] = 13_628_234,
        ["cifar_resnet_110_8"] = 435_026,
        ["cifar_resnet_110_16"] = 1_730_714,
        ["cifar_resnet_110_24"] = 3_887_074,
        ["cifar_resnet_110_32"] = 6_904_106,
        ["cifar_resnet_110_64"] = 27_578_954,
        ["fmnist_resnet_8"] = 19_810,
        ["fmnist_resnet_8_x2"] = 77_754,
        ["fmnist_resnet_8_x4"] = 308_074,
        ["vgg11"] = 9_228_362,
        ["vgg13"] = 9_413_066,
        ["vgg16"] = 14_724_042,
        ["vgg19"] = 20_035_018,
        ["wrn_28_10"] = 36_479_194,
        ["resnet18"] = 11_689_512,
        ["resnet34"] = 21_797_672,
        ["resnet50"] = 25_557_032,
        ["resnet101"] = 44_549_160,
        ["wide_resnet50_2"] = 68_883_240,
    };

    public static TheoryData<string> Names() => [.. ByName.Keys];
}
